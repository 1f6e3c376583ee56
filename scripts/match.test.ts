import { describe, expect, it } from 'vitest';
import { matchLine } from './match';

describe('match CLI lines', () => {
  it('prints score and match for a valid line', () => {
    expect(JSON.parse(matchLine('{"query":"Banco Nacional de Cuba","candidate":"BANCO NACIONAL DE CUBA"}').out)).toEqual({ score: 1, match: 'STRONG' });
  });
  it.each(['not json', '[]', '{"query": 1, "candidate": "x"}', '{"query": "x"}', 'null'])('reports an error for %s', (line) => {
    const r = matchLine(line);
    expect(r.ok).toBe(false);
    expect(JSON.parse(r.out)).toHaveProperty('error');
  });
});
