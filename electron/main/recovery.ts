import { dialog } from 'electron';
import { setAsideAndFindBackup } from '../core/backup/recovery';
import { restoreFiles } from '../core/backup/backups';

// The database failed its check at start: move it aside and ask, in plain words, what to do.
// Returns true when the app may go on opening the data folder (restored, or starting empty).
export const recoverDamagedDatabase = (dataDir: string, detail: string, nativeBinding: string): boolean => {
  const { aside, latest } = setAsideAndFindBackup(dataDir, new Date());
  const found = latest
    ? `最近的完好备份是 ${new Date(latest.createdAt).toLocaleString('zh-CN')} 的备份（${latest.counts.classes} 个班次，${latest.counts.trainees} 名学员）。`
    : '没有找到可用的备份。';
  const buttons = latest ? ['恢复这个备份', '以空白数据启动', '退出'] : ['以空白数据启动', '退出'];
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: '数据库文件已损坏',
    message: '数据库文件已损坏，程序没有再往里写任何内容。',
    detail: `损坏的文件已原样移到：\n${aside}\n\n${found}\n\n（技术信息：${detail}）`,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  const action = buttons[choice];
  if (action === '恢复这个备份' && latest) {
    restoreFiles(dataDir, latest.path, nativeBinding);
    return true;
  }
  return action === '以空白数据启动';
};
