// A small document writer over pdfkit for the business PDFs (receipts ORD-14, packing slips):
// titles, label/value blocks, tables that continue on the next page with their header repeated,
// and right-aligned totals. Callers pass already-localized strings; this file knows no business
// words. Every font is Noto Sans JP (fonts.ts), so Japanese and Italian text render alike.
import PDFDocument from 'pdfkit';
import { pdfFont } from './fonts.ts';

export type PdfMeta = {
  title: string;
  /** Shown as the document's author (e.g. the marketplace issuing a receipt for the seller). */
  author?: string;
  subject?: string;
  /** BCP 47 language of the text ("ja", "it", "en"): lets readers and screen readers pick a voice. */
  language?: string;
  /** Creation date written in the PDF info; pass the business clock's now for reproducible files. */
  createdAt?: Date;
  /** Small text at the bottom of every page, left of the page number. */
  footer?: string;
};

export type PdfAlign = 'left' | 'right' | 'center';
export type PdfColumn = {
  header: string;
  /** Share of the content width; the shares of a table are normalized, so 3/1/1 works. */
  width: number;
  align?: PdfAlign;
};
export type PdfTextOptions = { bold?: boolean; size?: number; muted?: boolean; align?: PdfAlign };
export type PdfTotalRow = { label: string; value: string; bold?: boolean };

const FONT_REGULAR = 'NotoSansJP';
const FONT_BOLD = 'NotoSansJP-Bold';
const BODY_SIZE = 9.5;
const TEXT_COLOR = '#111111';
const MUTED_COLOR = '#5f6b7a';
const RULE_COLOR = '#c9d1db';
const HEADER_FILL = '#eef2f6';
const CELL_PAD = 4;

export class PdfWriter {
  readonly #doc: PDFKit.PDFDocument;

  constructor(doc: PDFKit.PDFDocument) {
    this.#doc = doc;
  }

  get #left(): number {
    return this.#doc.page.margins.left;
  }
  get #width(): number {
    return this.#doc.page.width - this.#doc.page.margins.left - this.#doc.page.margins.right;
  }
  get #bottom(): number {
    return this.#doc.page.height - this.#doc.page.margins.bottom;
  }

  #font(options: PdfTextOptions = {}): PDFKit.PDFDocument {
    return this.#doc
      .font(options.bold ? FONT_BOLD : FONT_REGULAR)
      .fontSize(options.size ?? BODY_SIZE)
      .fillColor(options.muted ? MUTED_COLOR : TEXT_COLOR);
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.#doc.y + height > this.#bottom) this.#doc.addPage();
  }

  title(text: string): this {
    this.#font({ bold: true, size: 18 }).text(text, this.#left, this.#doc.y, { width: this.#width });
    this.#doc.moveDown(0.3);
    return this;
  }

  heading(text: string): this {
    this.ensureSpace(40);
    this.#doc.moveDown(0.6);
    this.#font({ bold: true, size: 11.5 }).text(text, this.#left, this.#doc.y, { width: this.#width });
    this.#doc.moveDown(0.2);
    return this;
  }

  paragraph(text: string, options: PdfTextOptions = {}): this {
    this.#font(options).text(text, this.#left, this.#doc.y, {
      width: this.#width,
      align: options.align ?? 'left',
    });
    return this;
  }

  /** Label/value pairs, labels in a muted narrow column (order id, dates, addresses...). */
  fields(pairs: ReadonlyArray<readonly [label: string, value: string]>, labelShare = 0.3): this {
    const labelWidth = this.#width * labelShare;
    const valueWidth = this.#width - labelWidth;
    for (const [label, value] of pairs) {
      const height = Math.max(
        this.#font({ muted: true }).heightOfString(label, { width: labelWidth - CELL_PAD }),
        this.#font().heightOfString(value || ' ', { width: valueWidth }),
      );
      this.ensureSpace(height + 2);
      const y = this.#doc.y;
      this.#font({ muted: true }).text(label, this.#left, y, { width: labelWidth - CELL_PAD });
      this.#font().text(value || ' ', this.#left + labelWidth, y, { width: valueWidth });
      this.#doc.y = y + height + 2;
    }
    return this;
  }

  /** A table; rows that do not fit continue on a new page under a repeated header row. */
  table(columns: readonly PdfColumn[], rows: ReadonlyArray<readonly string[]>): this {
    const share = columns.reduce((sum, c) => sum + c.width, 0) || 1;
    const widths = columns.map((c) => (c.width / share) * this.#width);
    const headerStyle: PdfTextOptions = { bold: true, size: 8.5 };
    const rowHeight = (cells: readonly string[], style: PdfTextOptions) =>
      Math.max(
        ...cells.map((cell, i) =>
          this.#font(style).heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * CELL_PAD }),
        ),
      ) +
      2 * CELL_PAD;
    const drawRow = (cells: readonly string[], style: PdfTextOptions, height: number, fill?: string) => {
      const y = this.#doc.y;
      if (fill) this.#doc.rect(this.#left, y, this.#width, height).fill(fill);
      let x = this.#left;
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        this.#font(style).text(cell || ' ', x + CELL_PAD, y + CELL_PAD, {
          width: width - 2 * CELL_PAD,
          align: columns[i]?.align ?? 'left',
        });
        x += width;
      });
      this.#doc
        .moveTo(this.#left, y + height)
        .lineTo(this.#left + this.#width, y + height)
        .lineWidth(0.5)
        .strokeColor(RULE_COLOR)
        .stroke();
      this.#doc.y = y + height;
    };
    const header = columns.map((c) => c.header);
    const headerHeight = rowHeight(header, headerStyle);
    const firstHeight = rows[0] ? rowHeight(rows[0], {}) : 0;
    // A header alone at the bottom of a page is useless: keep it with its first row.
    this.ensureSpace(headerHeight + firstHeight);
    drawRow(header, headerStyle, headerHeight, HEADER_FILL);
    for (const row of rows) {
      const height = rowHeight(row, {});
      if (this.#doc.y + height > this.#bottom) {
        this.#doc.addPage();
        drawRow(header, headerStyle, headerHeight, HEADER_FILL);
      }
      drawRow(row, {}, height);
    }
    this.#doc.x = this.#left;
    this.#doc.moveDown(0.5);
    return this;
  }

  /** Right-aligned label/value lines under a table (subtotal, tax, refunds, total). */
  totals(rows: readonly PdfTotalRow[]): this {
    const valueWidth = this.#width * 0.22;
    const labelWidth = this.#width * 0.4;
    const labelX = this.#left + this.#width - valueWidth - labelWidth;
    for (const row of rows) {
      const height =
        this.#font({ bold: row.bold }).heightOfString(row.label, { width: labelWidth - CELL_PAD }) + 2;
      this.ensureSpace(height);
      const y = this.#doc.y;
      this.#font({ bold: row.bold }).text(row.label, labelX, y, {
        width: labelWidth - CELL_PAD,
        align: 'right',
      });
      this.#font({ bold: row.bold }).text(row.value, labelX + labelWidth, y, {
        width: valueWidth,
        align: 'right',
      });
      this.#doc.y = y + height;
    }
    return this;
  }

  rule(): this {
    this.#doc.moveDown(0.3);
    const y = this.#doc.y;
    this.#doc
      .moveTo(this.#left, y)
      .lineTo(this.#left + this.#width, y)
      .lineWidth(0.75)
      .strokeColor(RULE_COLOR)
      .stroke();
    this.#doc.moveDown(0.5);
    return this;
  }

  space(lines = 1): this {
    this.#doc.moveDown(lines);
    return this;
  }
}

/** Draws a document and returns its bytes (A4, Noto Sans JP, page numbers in the footer). */
export function renderPdf(meta: PdfMeta, draw: (writer: PdfWriter) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    lang: meta.language,
    displayTitle: true,
    // pdfkit hashes every info value into the file id: an undefined one would throw.
    info: {
      Title: meta.title,
      Creator: 'Mercato',
      Producer: 'Mercato',
      ...(meta.author ? { Author: meta.author } : {}),
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(meta.createdAt ? { CreationDate: meta.createdAt } : {}),
    },
  });
  doc.registerFont(FONT_REGULAR, pdfFont('regular'));
  doc.registerFont(FONT_BOLD, pdfFont('bold'));
  doc.font(FONT_REGULAR);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    draw(new PdfWriter(doc));
    drawFooters(doc, meta.footer);
  } catch (error) {
    doc.end();
    return Promise.reject(error);
  }
  doc.end();
  return done;
}

function drawFooters(doc: PDFKit.PDFDocument, footer: string | undefined): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    const y = doc.page.height - bottom + 20;
    // Writing below the bottom margin would make pdfkit add a page; lift the margin meanwhile.
    doc.page.margins.bottom = 0;
    doc.font(FONT_REGULAR).fontSize(7.5).fillColor(MUTED_COLOR);
    if (footer) doc.text(footer, left, y, { width: width - 60, lineBreak: false });
    doc.text(`${i - range.start + 1} / ${range.count}`, left + width - 60, y, {
      width: 60,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
