/**
 * What the text readers need to know about each VS Code language id, in one table: how its
 * numeric literals are written (for the scanner) and how its comments are written (for the
 * framework-call resolver). A language not listed gets plain decimal literals and no comments.
 * Looked up in a `Map`: a language id is user text.
 */
import type { LiteralOptions } from './scanner';

/** How the language writes comments: `#` to the end of the line, or `//` and block comments, or neither. */
export type CommentStyle = 'hash' | 'slash' | 'none';

interface LanguageTraits {
  readonly literals: Required<LiteralOptions>;
  readonly comments: CommentStyle;
}

const C_FAMILY = ['c', 'cpp', 'cuda-cpp', 'objective-c', 'objective-cpp'];
const JS_FAMILY = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'vue', 'svelte'];
const FORTRAN = ['fortran', 'fortran-modern', 'FortranFreeForm', 'FortranFixedForm', 'fortran_free-form', 'fortran_fixed-form'];

const C_SUFFIXES = ['f', 'l', 'u', 'ul', 'lu', 'ull', 'llu', 'll', 'z', 'uz', 'zu', 'f16', 'f32', 'f64', 'f128', 'bf16', 'df', 'dd', 'dl'];
const RUST_SUFFIXES = ['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'f32', 'f64'];
/** Suffixes read in prose and plain text, where code of any language is quoted: the float ones. */
const TEXT_SUFFIXES = ['f', 'l', 'f16', 'f32', 'f64', 'bf16'];

const PLAIN: Required<LiteralOptions> = {
  hexFloats: false,
  apostropheSeparators: false,
  leadingZeroOctal: false,
  suffixes: new Set(),
  exponentLetters: '',
  kindSuffixes: false,
};

/** The literal traits that differ from {@link PLAIN}, given with the suffixes as a list. */
type LiteralTraits = Partial<Omit<LiteralOptions, 'suffixes'>> & { readonly suffixes?: readonly string[] };

function languages(ids: readonly string[], comments: CommentStyle, literals: LiteralTraits = {}): [string, LanguageTraits][] {
  const options: Required<LiteralOptions> = { ...PLAIN, ...literals, suffixes: new Set(literals.suffixes ?? []) };
  return ids.map((id) => [id, { literals: options, comments }]);
}

/**
 * Hexadecimal floats only where the language has them as literals (not Python, where
 * `float.fromhex` takes a string, nor JavaScript/TypeScript, Rust, C#); `'` separators only in
 * the C family, `0755` octal there and in Java and Go; each language's own type suffixes (the
 * float ones in plain text and Markdown); `d` exponents and `_kind` suffixes only in Fortran,
 * `f` exponents only in Julia.
 */
const LANGUAGES: ReadonlyMap<string, LanguageTraits> = new Map([
  ...languages(C_FAMILY, 'slash', { hexFloats: true, apostropheSeparators: true, leadingZeroOctal: true, suffixes: C_SUFFIXES }),
  ...languages(['java'], 'slash', { hexFloats: true, leadingZeroOctal: true, suffixes: ['f', 'd', 'l'] }),
  ...languages(['go'], 'slash', { hexFloats: true, leadingZeroOctal: true }),
  ...languages(['swift', 'zig'], 'slash', { hexFloats: true }),
  ...languages(['julia'], 'hash', { hexFloats: true, exponentLetters: 'f' }),
  ...languages(['lua'], 'none', { hexFloats: true }),
  ...languages(['scala'], 'slash', { suffixes: ['f', 'd', 'l'] }),
  ...languages(['groovy'], 'slash', { suffixes: ['f', 'd', 'l', 'g'] }),
  ...languages(['kotlin'], 'slash', { suffixes: ['f', 'l', 'u', 'ul'] }),
  ...languages(['csharp'], 'slash', { suffixes: ['f', 'd', 'm', 'u', 'l', 'ul', 'lu'] }),
  ...languages(['fsharp'], 'slash', { suffixes: ['f', 'm', 'l', 'u', 'ul'] }),
  ...languages(['rust'], 'slash', { suffixes: RUST_SUFFIXES }),
  ...languages(['r'], 'hash', { suffixes: ['l'] }),
  ...languages(JS_FAMILY, 'slash', { suffixes: ['n'] }),
  ...languages(['dart', 'jsonc', 'php'], 'slash'),
  ...languages(['python', 'cython', 'shellscript', 'yaml', 'toml', 'ruby', 'perl', 'makefile', 'dockerfile', 'cmake'], 'hash'),
  ...languages(FORTRAN, 'none', { exponentLetters: 'd', kindSuffixes: true }),
  ...languages(['plaintext', 'markdown', 'log', 'csv', 'tsv'], 'none', { hexFloats: true, suffixes: TEXT_SUFFIXES }),
  ...languages(['restructuredtext', 'latex'], 'none', { suffixes: TEXT_SUFFIXES }),
  ...languages(['jupyter'], 'hash', { suffixes: TEXT_SUFFIXES }),
]);

/** The scanner options for a VS Code language id (see {@link LANGUAGES} for what differs by language). */
export function literalOptionsFor(languageId: string): LiteralOptions {
  return (LANGUAGES.get(languageId) ?? { literals: PLAIN }).literals;
}

/** The comment style of a VS Code language id (`none` where unknown: nothing is skipped). */
export function commentStyleFor(languageId: string): CommentStyle {
  return LANGUAGES.get(languageId)?.comments ?? 'none';
}
