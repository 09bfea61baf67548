export interface FindOptions {
  /** Install the Debian package with apt-get when running as root on Debian/Ubuntu (default true). */
  install?: boolean;
}
export function findChromium(options?: FindOptions): string;
export function findFirefox(options?: FindOptions): string;
