import { describe, expect, it } from 'vitest';
import { walkJpeg } from '../../../main/metadata/jpeg-segments';
import { readFlir, readPictureInfo, unixToDigits } from '../../../main/metadata/vendor-records';
import { plainJpeg, spliceJpeg } from './fixtures';

/** An FFF record (big-endian header, as FLIR writes in JPEGs) with CameraInfo and GPSInfo. */
function fff(o: {
  utc: number;
  tzMinutesWest: number;
  lat: number;
  lon: number;
  latRef: string;
  lonRef: string;
}): Buffer {
  const cameraAt = 0x80;
  const cameraLen = 0x390;
  const gpsAt = cameraAt + cameraLen;
  const gpsLen = 0x60;
  const buf = Buffer.alloc(gpsAt + gpsLen);
  buf.write('FFF\0', 0, 'latin1');
  buf.writeUInt32BE(100, 0x14);
  buf.writeUInt32BE(0x40, 0x18);
  buf.writeUInt32BE(2, 0x1c);
  const entry = (i: number, type: number, at: number, len: number) => {
    buf.writeUInt16BE(type, 0x40 + i * 0x20);
    buf.writeUInt32BE(at, 0x40 + i * 0x20 + 0x0c);
    buf.writeUInt32BE(len, 0x40 + i * 0x20 + 0x10);
  };
  entry(0, 0x20, cameraAt, cameraLen);
  entry(1, 0x2b, gpsAt, gpsLen);
  buf.writeUInt16BE(2, cameraAt);
  buf.writeUInt32BE(o.utc, cameraAt + 0x384);
  buf.writeUInt32BE(107, cameraAt + 0x388);
  buf.writeInt16BE(o.tzMinutesWest, cameraAt + 0x38c);
  buf.writeUInt32LE(1, gpsAt); // GPSValid, little-endian like the rest of the GPS record
  buf.write(o.latRef, gpsAt + 8, 'latin1');
  buf.write(o.lonRef, gpsAt + 10, 'latin1');
  buf.writeDoubleLE(o.lat, gpsAt + 0x10);
  buf.writeDoubleLE(o.lon, gpsAt + 0x18);
  return buf;
}

describe('FLIR record', () => {
  it('reads the camera-clock date and the position, joining multi-part APP1 segments and applying the W ref', async () => {
    // 2021-05-16 12:27:36 at -07:00 is 19:27:36 UTC.
    const utc = Date.UTC(2021, 4, 16, 19, 27, 36) / 1000;
    const data = fff({
      utc,
      tzMinutesWest: 420,
      lat: 34.0754261592891,
      lon: 118.254268165533,
      latRef: 'N',
      lonRef: 'W',
    });
    const half = Math.floor(data.length / 2);
    const part = (n: number, body: Buffer) => ({
      marker: 0xe1,
      payload: Buffer.concat([Buffer.from('FLIR\0\x01', 'latin1'), Buffer.from([n, 1]), body]),
    });
    const jpeg = spliceJpeg(await plainJpeg(), [part(1, data.subarray(half)), part(0, data.subarray(0, half))]);
    const reading = readFlir(walkJpeg(new Uint8Array(jpeg)));
    expect(reading).toMatchObject({
      dateTimeOriginal: '2021:05:16 12:27:36',
      zone: '-07:00',
      subSeconds: '107',
      source: 'FLIR',
    });
    expect(reading?.latitude).toBeCloseTo(34.0754261592891, 12);
    expect(reading?.longitude).toBeCloseTo(-118.254268165533, 12);
  });
});

describe('Olympus PictureInfo', () => {
  it('reads TimeDate seconds as the camera clock digits', async () => {
    const text = 'OLYMPUS OPTICAL CO.,LTD.     713\r\n[picture info]\r\nTimeDate=909698819\r\nShutter=33363\r\n[end]';
    const jpeg = spliceJpeg(await plainJpeg(), [{ marker: 0xec, payload: Buffer.from(text, 'latin1') }]);
    expect(readPictureInfo(walkJpeg(new Uint8Array(jpeg)))?.dateTimeOriginal).toBe('1998:10:29 22:06:59');
    expect(unixToDigits(0)).toBe('1970:01:01 00:00:00');
  });
});

describe('JPEG walk', () => {
  it('knows a complete JPEG from one cut short', async () => {
    const jpeg = await plainJpeg(32, 32);
    expect(walkJpeg(new Uint8Array(jpeg)).complete).toBe(true);
    expect(walkJpeg(new Uint8Array(jpeg.subarray(0, jpeg.length - 2))).complete).toBe(false);
  });
});
