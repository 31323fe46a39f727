// For shared/tsconfig.json only: docx's own declarations reference @types/node, which would
// let Node globals (Buffer, process) into the purity check. The root tsconfig checks the real
// docx types.
declare const docx: any;
export = docx;
