/**
 * What a clinician sees when Trial Desk cannot start (the window never opens): which file, that nothing was deleted,
 * and what to do next, with a button that shows the data file in the file manager. Electron-free so it can be tested;
 * index.ts passes the result to dialog.showMessageBox.
 */
import { dirname } from 'node:path'
import type { Language } from '../../shared/settings'
import { isTrialsError } from '../core/errors'

export interface StartupFailureDialog {
  title: string
  message: string
  detail: string
  buttons: string[]
  /** Index of "Show the data file" (absent when there is no file to show), and of "Quit". */
  showFileButton?: number
  quitButton: number
}

const TEXT = {
  ko: {
    damaged: '데이터 파일이 손상되어 Trial Desk를 열 수 없습니다. 파일은 삭제되지 않았습니다.',
    failed: 'Trial Desk를 시작하지 못했습니다.',
    folder: '데이터 폴더',
    showFile: '데이터 파일 보기',
    quit: '종료',
    retry: '앱을 다시 시작해 보세요. 계속 실패하면 이 창의 내용을 첨부해 알려 주세요.',
  },
  en: {
    damaged: 'Trial Desk cannot open its data file because it is damaged. The file was not deleted.',
    failed: 'Trial Desk could not start.',
    folder: 'Data folder',
    showFile: 'Show the data file',
    quit: 'Quit',
    retry: 'Restart the app. If it keeps failing, report it with the text of this window.',
  },
} satisfies Record<Language, Record<string, string>>

export function startupFailureDialog(
  error: unknown,
  storePath: string | undefined,
  language: Language,
): StartupFailureDialog {
  const t = TEXT[language]
  const unreadable = isTrialsError(error) && error.code === 'STORE_UNREADABLE'
  // A TrialsError message is written for the user and never holds the key; anything else is a bug: say nothing of it.
  const explanation = isTrialsError(error) ? `${error.message} (${error.code})` : `${t.retry} (INTERNAL)`
  const where = storePath ? `\n\n${t.folder}: ${dirname(storePath)}\n${storePath}` : ''
  const buttons = storePath ? [t.showFile, t.quit] : [t.quit]
  return {
    title: 'Trial Desk',
    message: unreadable ? t.damaged : t.failed,
    detail: explanation + where,
    buttons,
    ...(storePath ? { showFileButton: 0 } : {}),
    quitButton: buttons.length - 1,
  }
}
