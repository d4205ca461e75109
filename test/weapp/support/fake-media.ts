import type { FakePrivacy } from './fake-privacy'
import { ApiFail, asyncApi, type WxCall } from './wx-api'

export type PickedPlace = { latitude: number; longitude: number; name?: string; address?: string }

/**
 * The photo picker and the map picker. Each answers with what the test said the person will pick
 * next, and with "cancel" when it said nothing, as when the person closes the picker. Both are
 * privacy APIs (they wait for consent), and chooseLocation must be declared in app.json's
 * requiredPrivateInfos (enforced by WeChat since 2022-07-14).
 */
export class FakeMedia {
  private photoPicks: string[][] = []
  private placePicks: PickedPlace[] = []
  private issued = new Set<string>()
  private tempFiles = 0

  constructor(
    private readonly privacy: FakePrivacy,
    private readonly declared: ReadonlySet<string>,
  ) {}

  /** The next photo picker returns these photos (named like WeChat's temp files). */
  willPickPhotos(...names: string[]): string[] {
    const paths = names.map((name) => `wxfile://tmp_${++this.tempFiles}_${name}`)
    this.photoPicks.push(paths)
    return paths
  }

  willPickPlace(place: PickedPlace): void {
    this.placePicks.push(place)
  }

  /** Whether the path is a temp file the picker handed out (only those exist on the phone). */
  wasIssued(path: string): boolean {
    return this.issued.has(path)
  }

  reset(): void {
    this.photoPicks = []
    this.placePicks = []
    this.issued.clear()
  }

  apis(calls: WxCall[]): Record<string, unknown> {
    const nextPhotos = async (api: string, count: unknown) => {
      await this.privacy.gate(api)
      const picked = this.photoPicks.shift()
      if (!picked) throw new ApiFail('cancel')
      // The picker stops the person at `count` photos.
      const paths = picked.slice(0, typeof count === 'number' ? count : 9)
      paths.forEach((path) => this.issued.add(path))
      return paths
    }
    return {
      chooseImage: asyncApi('chooseImage', calls, async ({ count }) => {
        const paths = await nextPhotos('chooseImage', count)
        return { tempFilePaths: paths, tempFiles: paths.map((path) => ({ path, size: 48_000 })) }
      }),
      chooseMedia: asyncApi('chooseMedia', calls, async ({ count }) => {
        const paths = await nextPhotos('chooseMedia', count)
        return { type: 'image', tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 48_000, fileType: 'image' })) }
      }),
      chooseLocation: asyncApi('chooseLocation', calls, async () => {
        if (!this.declared.has('chooseLocation')) throw new ApiFail('the api need to be declared in the requiredPrivateInfos field in app.json/ext.json')
        await this.privacy.gate('chooseLocation')
        const place = this.placePicks.shift()
        if (!place) throw new ApiFail('cancel')
        return { name: '', address: '', ...place }
      }),
    }
  }
}
