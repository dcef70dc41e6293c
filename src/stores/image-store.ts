import { GridFSBucket, type Db } from 'mongodb';
import type { Connection } from 'mongoose';

/** Keeps the bytes of images trainees send (GridFS in the same database), not only a platform id. */
export class ImageStore {
  private readonly bucket: GridFSBucket;
  private readonly db: Db;

  constructor(conn: Connection) {
    this.db = conn.db as unknown as Db;
    this.bucket = new GridFSBucket(this.db, { bucketName: 'images' });
  }

  /** Stores bytes once per key (e.g. the message id); returns the file id either way. */
  async put(key: string, name: string, data: Buffer, contentType?: string): Promise<string> {
    const existing = await this.db.collection('images.files').findOne({ 'metadata.key': String(key) });
    if (existing) return String(existing._id);
    return new Promise((resolve, reject) => {
      const upload = this.bucket.openUploadStream(name, { metadata: { key: String(key), contentType } });
      upload.once('finish', () => resolve(String(upload.id)));
      upload.once('error', reject);
      upload.end(data);
    });
  }

  /** Reads the bytes back. */
  async get(id: string): Promise<Buffer> {
    const { ObjectId } = await import('mongodb');
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket.openDownloadStream(new ObjectId(id))) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
