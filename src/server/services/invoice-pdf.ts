import "server-only";
// An invoice as a PDF (pdfkit: small, no browser, the PDF's standard Helvetica — its Windows-1252
// encoding holds French), from the same words as its printable page (src/components/billing/invoice-text.ts).
import PDFDocument from "pdfkit";
import type { InvoiceText } from "@/components/billing/invoice-text";

/** Helvetica's encoding has the no-break space but not the narrow one some locales put in numbers. */
const pdfSafe = (text: string) => text.replace(/\u202f/g, "\u00a0");

export type PdfLabels = { number: string; seller: string; buyer: string; period: string; issuedOn: string; dueOn: string; state: string; description: string; quantity: string; unitPrice: string; amount: string; computation: string; total: string };

export function invoicePdf(text: InvoiceText, labels: PdfLabels, language: "fr-CA" | "en-CA"): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", margin: 56, lang: language, info: { Title: `${text.title} ${text.number}`, Author: text.seller } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const navy = "#0b2a5b";
  const width = doc.page.width - 112;
  doc.fillColor(navy).font("Helvetica-Bold").fontSize(20).text(pdfSafe(`${text.title}`));
  // French puts a space before the colon; English does not.
  const colon = language === "fr-CA" ? "\u00a0: " : ": ";
  doc.fontSize(12).text(pdfSafe(`${labels.number}${colon}${text.number}`));
  doc.moveDown();
  doc.fillColor("black").font("Helvetica");
  const pair = (label: string, value: string) => {
    doc.font("Helvetica-Bold").text(pdfSafe(`${label}${colon}`), { continued: true }).font("Helvetica").text(pdfSafe(value));
  };
  pair(labels.seller, text.seller);
  pair(labels.buyer, text.buyer);
  pair(labels.period, text.period);
  pair(labels.issuedOn, text.issuedOn);
  pair(labels.dueOn, text.dueOn);
  pair(labels.state, text.state);
  doc.moveDown();
  // The invoice's line: description, quantity, unit price, amount; the taxes and the total span the first three.
  const columns = [width * 0.4, width * 0.18, width * 0.24, width * 0.18];
  const row = (cells: string[], bold: boolean, size = 11) => {
    const y = doc.y;
    let x = 56;
    let bottom = y;
    const spans = cells.length === 2 ? [columns[0]! + columns[1]! + columns[2]!, columns[3]!] : columns;
    doc.fontSize(size);
    cells.forEach((cell, i) => {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").text(pdfSafe(cell), x, y, { width: spans[i]! - 6, align: i === 0 ? "left" : "right" });
      bottom = Math.max(bottom, doc.y);
      x += spans[i]!;
    });
    doc.x = 56;
    doc.y = bottom + 4;
    doc.fontSize(12);
  };
  row([labels.description, labels.quantity, labels.unitPrice, labels.amount], true, 10);
  doc.moveTo(56, doc.y).lineTo(56 + width, doc.y).stroke();
  doc.y += 4;
  row([text.line.description, text.line.quantity, text.line.unitPrice, text.line.amount], false);
  row([text.taxes, text.taxesAmount], false);
  doc.moveTo(56, doc.y).lineTo(56 + width, doc.y).stroke();
  doc.y += 4;
  row([labels.total, text.total], true);
  doc.moveDown();
  doc.font("Helvetica-Bold").text(pdfSafe(labels.computation));
  doc.font("Helvetica");
  for (const line of text.computation) doc.text(pdfSafe(`• ${line}`), { width });
  doc.moveDown();
  doc.fontSize(10).fillColor("#333333").text(pdfSafe(text.terms), { width });
  doc.end();
  return done;
}

