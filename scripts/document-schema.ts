// `npm run document-schema`: writes docs/sandbox-document.schema.json from the document's zod schema
// (src-main/contracts/sandbox-document.ts); a test fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { sandboxDocumentJsonSchema } from '../src-main/contracts/sandbox-document.js';

const file = new URL('../docs/sandbox-document.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(sandboxDocumentJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${file.pathname}\n`);
