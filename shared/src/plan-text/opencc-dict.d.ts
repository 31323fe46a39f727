// opencc-js exports its raw dictionaries through a `./*` pattern without types.
declare module 'opencc-js/dict/TSCharacters' {
  /** `trad simp[ alt…]|trad simp|…` */
  const dict: string;
  export default dict;
}
