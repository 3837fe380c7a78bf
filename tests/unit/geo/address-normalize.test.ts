import { describe, expect, it } from 'vitest';
import { localityKeys, normalizeStreetName, parseQuery } from '../../../src/geo/address-normalize';

describe('normalizeStreetName', () => {
  it.each([
    ['Wolcott St', 'wolcott street'],
    ['WOLCOTT STREET', 'wolcott street'],
    ['Wolcott St.', 'wolcott street'],
    ['Belgrade Ave', 'belgrade avenue'],
    ['Belgrade Av', 'belgrade avenue'],
    ['Mass Ave', 'massachusetts avenue'],
    ['Mass. Ave.', 'massachusetts avenue'],
    ['Massachusetts Avenue', 'massachusetts avenue'],
    ['Dot Ave', 'dorchester avenue'],
    ['Comm Ave', 'commonwealth avenue'],
    ['MLK Blvd', 'martin luther king jr boulevard'],
    ['Martin Luther King Jr Blvd', 'martin luther king jr boulevard'],
    ['Melnea Cass Blvd', 'melnea cass boulevard'],
    ['E Broadway', 'east broadway'],
    ['W Broadway', 'west broadway'],
    ['N Beacon St', 'north beacon street'],
    ['E St', 'e street'],
    ['N St', 'n street'],
    ['Charles St S', 'charles street south'],
    ['St Botolph St', 'saint botolph street'],
    ['Saint Botolph Street', 'saint botolph street'],
    ['Mt Vernon St', 'mount vernon street'],
    ["Saint Mary's St", 'saint marys street'],
    ["O'Connell Rd", 'oconnell road'],
    ['W 1st St', 'west first street'],
    ['Copley Sq', 'copley square'],
    ['Quincy Pl', 'quincy place'],
    ['Hillside Ter', 'hillside terrace'],
    ['VFW Pkwy', 'veterans of foreign wars parkway'],
    ['Truman Hwy', 'truman highway'],
    ['Hano Ct', 'hano court'],
    ['Park Dr', 'park drive'],
    ['Bow Ln', 'bow lane'],
    ['Harvard Brg', 'harvard bridge'],
    ['City Hall Plz', 'city hall plaza'],
    // The City writes both the singular and the plural of one name ("Harrison Ave & HARRISON ARCHWAY", "47 Harrison Archways").
    ['HARRISON ARCHWAY', 'harrison archway'],
    ['Harrison Archways', 'harrison archway'],
    ['E Brookline Gdns', 'east brookline gardens'],
    ['Chestnut Hill Drwy', 'chestnut hill driveway'],
    ['Crescent Cirt', 'crescent circuit'],
    ['  Wolcott   St  ', 'wolcott street'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeStreetName(input)).toBe(expected);
  });
});

describe('parseQuery', () => {
  it('splits number, street, city and ZIP', () => {
    expect(parseQuery('183 Belgrade Ave, Roslindale, MA 02131')).toEqual({
      houseNumber: 183, street: 'Belgrade Ave', crossStreet: null, zip: '02131', localities: ['Roslindale'],
    });
  });

  it('finds a locality without commas only after a street type', () => {
    const known = new Set(['dorchester']);
    expect(parseQuery('20 Jacob St Dorchester MA 02124', known)).toMatchObject({ houseNumber: 20, street: 'Jacob St', zip: '02124', localities: ['Dorchester'] });
    expect(parseQuery('Dorchester Ave', known)).toMatchObject({ street: 'Dorchester Ave', localities: [] });
  });

  it.each([
    ['Mass Ave and Melnea Cass', 'Mass Ave', 'Melnea Cass'],
    ['Mass Ave & Melnea Cass Blvd', 'Mass Ave', 'Melnea Cass Blvd'],
    ['Mass Ave at Melnea Cass', 'Mass Ave', 'Melnea Cass'],
    ['Mass Ave @ Melnea Cass', 'Mass Ave', 'Melnea Cass'],
    ['INTERSECTION Amory St & Dimock St', 'Amory St', 'Dimock St'],
  ])('reads "%s" as an intersection', (q, a, b) => {
    expect(parseQuery(q)).toMatchObject({ houseNumber: null, street: a, crossStreet: b });
  });

  it('reads a range as its middle number on the same side', () => {
    expect(parseQuery('20-26 Foster St').houseNumber).toBe(22);
    expect(parseQuery('12A Foster St').houseNumber).toBe(12);
  });

  it('does not take a number-only street or a ZIP alone as a house number', () => {
    expect(parseQuery('02131')).toMatchObject({ houseNumber: null, zip: null });
  });
});

describe('localityKeys', () => {
  it('knows the short names and both halves of Allston/Brighton', () => {
    expect(localityKeys('JP')).toEqual(['jamaica plain']);
    expect(localityKeys('Allston / Brighton')).toEqual(['allston', 'brighton']);
    expect(localityKeys('Roslindale')).toEqual(['roslindale']);
  });
});
