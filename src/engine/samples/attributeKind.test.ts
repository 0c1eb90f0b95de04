import { describe, expect, it } from 'vitest';
import type { AttributeType } from '../model/types.ts';
import { attributeKind, nameWords } from './attributeKind.ts';

const kind = (name: string, type: AttributeType = 'string', entity = 'Thing') => attributeKind({ name, type, entity });

describe('nameWords', () => {
  it('splits camelCase, acronyms and underscores into lower-case words', () => {
    expect(nameWords('topScoreDateTime')).toEqual(['top', 'score', 'date', 'time']);
    expect(nameWords('userID')).toEqual(['user', 'id']);
    expect(nameWords('imageURLPath')).toEqual(['image', 'url', 'path']);
    expect(nameWords('zip_code')).toEqual(['zip', 'code']);
  });
});

describe('attributeKind', () => {
  it('recognises contact and place attributes before id-like endings', () => {
    expect(kind('userEmail')).toBe('email');
    expect(kind('phoneNumber')).toBe('phone');
    expect(kind('countryCode')).toBe('country');
    expect(kind('zipCode')).toBe('postcode');
    expect(kind('postcode')).toBe('postcode');
    expect(kind('streetAddress')).toBe('street');
    expect(kind('state')).toBe('state');
  });

  it('treats *Id, id, *Number and *Key as ids', () => {
    expect(kind('userId')).toBe('id');
    expect(kind('id')).toBe('id');
    expect(kind('storeNumber')).toBe('id');
    expect(kind('partitionKey')).toBe('id');
    expect(kind('orderId', 'number')).toBe('numericId');
    expect(kind('seq', 'number')).toBe('numericId');
  });

  it('reads "name" after its qualifier, or after the entity when it has none', () => {
    expect(kind('customerName')).toBe('personName');
    expect(kind('name', 'string', 'User')).toBe('personName');
    expect(kind('name', 'string', 'Product')).toBe('productName');
    expect(kind('productName')).toBe('productName');
    expect(kind('storeName')).toBe('storeName');
    expect(kind('gameTitle')).toBe('gameTitle');
    expect(kind('title')).toBe('productName');
    expect(kind('firstName')).toBe('firstName');
    expect(kind('lastName')).toBe('lastName');
    expect(kind('owner')).toBe('personName');
    expect(kind('tenant')).toBe('companyName');
  });

  it('recognises numbers by meaning', () => {
    expect(kind('price', 'number')).toBe('money');
    expect(kind('invoiceBalance', 'number')).toBe('money');
    expect(kind('viewCount', 'number')).toBe('count');
    expect(kind('totalViews', 'number')).toBe('count');
    expect(kind('rating', 'number')).toBe('rating');
    expect(kind('topScore', 'number')).toBe('score');
    expect(kind('latitude', 'number')).toBe('latitude');
    expect(kind('lng', 'number')).toBe('longitude');
    expect(kind('quantity', 'number')).toBe('quantity');
    expect(kind('weird', 'number')).toBe('number');
  });

  it('falls back to a plain word for names it does not know', () => {
    expect(kind('category')).toBe('category');
    expect(kind('status')).toBe('status');
    expect(kind('comment')).toBe('text');
    expect(kind('flux')).toBe('word');
    expect(kind('createdAt', 'datetime')).toBe('datetime');
  });
});
