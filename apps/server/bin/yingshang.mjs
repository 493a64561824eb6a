#!/usr/bin/env node
// Admin CLI entry: runs the TypeScript source through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
