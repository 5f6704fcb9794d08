import { z } from 'zod';
import { command, query } from '../channel';
import { vocabSchemas } from './schemas';

export const vocabContract = {
  'vocab.get': query(vocabSchemas.get, z.array(z.string())),
  'vocab.set': command(vocabSchemas.set, z.array(z.string())),
};
