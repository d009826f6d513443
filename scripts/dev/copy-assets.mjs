// Copies the non-TypeScript files the compiled server needs (SQL migrations) into dist/.
import { cpSync } from 'node:fs';

cpSync('server/db/migrations', 'dist/server/db/migrations', { recursive: true });
