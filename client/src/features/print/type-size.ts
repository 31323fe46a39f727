/** The print page's type size option: the sheets scale their text by it. */
export type TypeSize = 'small' | 'medium' | 'large';
