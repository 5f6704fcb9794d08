import { message } from '../i18n/translate';
import { type SharedMessages, zhCN } from '../i18n/zh-CN';
import { parseCertificateNumberFormat } from './certificate-number';

// What is wrong with a 证书编号 pattern, in a sentence naming the placeholder at fault (the core
// refuses with it; the settings page says it while the pattern is typed); undefined when nothing is.
export const certificateNumberFormatProblem = (format: string, messages: SharedMessages = zhCN): string | undefined => {
  const parsed = parseCertificateNumberFormat(format.trim());
  if (parsed.ok) return undefined;
  switch (parsed.problem) {
    case 'empty':
    case 'brace':
    case 'noSeq':
      return message(`closing.certificate.numberFormat.${parsed.problem}`, {}, messages);
    case 'tooLong':
      return message('closing.certificate.numberFormat.tooLong', { max: parsed.max }, messages);
    case 'unknown':
      return message('closing.certificate.numberFormat.unknown', { token: parsed.token }, messages);
    case 'width':
      return message('closing.certificate.numberFormat.width', { token: parsed.token, max: parsed.max }, messages);
  }
};
