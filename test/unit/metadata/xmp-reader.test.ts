import { describe, expect, it } from 'vitest';
import { decodeXmlText, findXmpPackets, xmpFirst, xmpValues } from '../../../main/metadata/xmp-reader';

describe('XMP reader', () => {
  it('finds a packet far into a file, among binary bytes', () => {
    const packet =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag><rdf:li>far</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>';
    const file = Buffer.concat([Buffer.alloc(300_000, 7), Buffer.from(packet), Buffer.alloc(10, 0)]);
    const packets = findXmpPackets(new Uint8Array(file));
    expect(packets).toHaveLength(1);
    expect(xmpValues(packets, 'dc', 'subject')).toEqual(['far']);
  });

  it('reads properties whose namespace is bound to an unusual prefix, or never declared', () => {
    const bound = ['<rdf:Description xmlns:p="http://ns.adobe.com/xap/1.0/" p:CreateDate="2020-01-02T03:04:05"/>'];
    expect(xmpFirst(bound, 'xmp', 'CreateDate')).toBe('2020-01-02T03:04:05');
    const undeclared = [
      '<rdf:Description><lr:hierarchicalSubject><rdf:Bag><rdf:li>A|B</rdf:li></rdf:Bag></lr:hierarchicalSubject></rdf:Description>',
    ];
    expect(xmpValues(undeclared, 'lr', 'hierarchicalSubject')).toEqual(['A|B']);
  });

  it('decodes entities and keeps a numeric keyword as text', () => {
    expect(decodeXmlText('Wilts &amp; Dorset &#233;t&#xE9;')).toBe('Wilts & Dorset été');
    expect(
      xmpValues(
        ['<dc:subject><rdf:Bag><rdf:li>2012</rdf:li><rdf:li>0012</rdf:li></rdf:Bag></dc:subject>'],
        'dc',
        'subject',
      ),
    ).toEqual(['2012', '0012']);
  });
});
