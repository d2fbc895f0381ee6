// The few pdfmake 0.3 entry points the bilan uses. @types/pdfmake is not used: it pulls the DOM
// library into the whole server's type check (`/// <reference lib="dom" />`), which changes fetch's types.
declare module 'pdfmake' {
  export type Content = string | Record<string, unknown> | Content[];
  export type TableCell = Content;
  export interface TDocumentDefinitions {
    content: Content;
    [key: string]: unknown;
  }
  interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  const pdfmake: {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(definition: TDocumentDefinitions): OutputDocument;
  };
  export default pdfmake;
}
