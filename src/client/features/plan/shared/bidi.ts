/**
 * Wraps a value put inside a translated sentence in Unicode "first strong isolate" marks, so that a code such as
 * "2.b" or a label such as "2018 S2" keeps its own direction inside an Arabic sentence (it would otherwise read
 * "b.2"). Only for text shown in option lists and captions, where no element can carry a `dir` attribute.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
