import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { sectorErrors } from './sectorErrors.ts';

describe('sectorErrors', () => {
  it('puts a 409 on the name field', () => {
    const error = new HttpError('Un secteur porte déjà ce nom.', 409, { message: 'Un secteur porte déjà ce nom.', errors: { name: 'Nom déjà utilisé.' } });
    expect(sectorErrors(error, 'Échec')).toEqual({ name: 'Nom déjà utilisé.' });
  });

  it('puts a vertex-level 400 on the shape', () => {
    const error = new HttpError('Données invalides.', 400, { errors: { 'area.2.1': 'Latitude hors limites.' } });
    expect(sectorErrors(error, 'Échec')).toEqual({ area: 'Latitude hors limites.' });
  });

  it('says the server’s message for the whole form when no field is named', () => {
    expect(sectorErrors(new HttpError('Accès refusé.', 403, { message: 'Accès refusé.' }), 'Échec')).toEqual({ form: 'Accès refusé.' });
  });

  it('falls back to its own words when the network failed', () => {
    expect(sectorErrors(new TypeError('Failed to fetch'), 'Échec')).toEqual({ form: 'Échec' });
  });
});
