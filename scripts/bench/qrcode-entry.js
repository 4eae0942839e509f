// What the lazy QR chunk holds: the qrcode module's matrix builder.
import QRCode from 'qrcode';
export const create = QRCode.create;
