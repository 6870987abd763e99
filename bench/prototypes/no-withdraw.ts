// "Before" of the withdraw change: the content script as it was, where a feed check waiting for its turn
// stayed in the feed lane after its image scrolled away (the image was still checked later, newest first,
// competing with the images in view).
export * from '../../src/content/scan/checker';
import { ImageChecker as Current } from '../../src/content/scan/checker';

export class ImageChecker extends Current {
  override leftView(): boolean {
    return false;
  }
}
