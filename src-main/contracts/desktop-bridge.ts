/**
 * The few desktop helpers the Electron preload exposes to the renderer as `window.authbox`.
 * In a plain browser the object is absent and the renderer falls back to browser means
 * (`window.open`, a download link), so every feature works without it.
 */

/** The global the preload defines: `window.authbox`. */
export type DesktopBridgeKey = 'authbox';

export type SaveFileResult =
  /** Written to `path`, chosen by the user in the save dialog. */
  | { saved: true; path: string }
  /** The user cancelled the save dialog. */
  | { saved: false };

export interface DesktopBridge {
  /** Opens an http or https URL in the system browser; rejects any other URL. */
  openExternal(url: string): Promise<void>;
  /**
   * Asks the user where to save `contents` (UTF-8 text), suggesting the file name `name`
   * (a plain name, no folders), then writes it.
   */
  saveFile(name: string, contents: string): Promise<SaveFileResult>;
  /**
   * Opens a Flow Runner sign-in URL (the app's own origin) in a child window of the app; its
   * callback page hands the redirect back to the runner.
   */
  openAuthWindow(url: string): Promise<void>;
}

/** IPC channel per bridge method; the preload and the main process both type their tables with it. */
export interface DesktopBridgeChannels {
  openExternal: 'authbox:open-external';
  saveFile: 'authbox:save-file';
  openAuthWindow: 'authbox:open-auth-window';
}
