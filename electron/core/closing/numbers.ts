import { parseCertificateNumberFormat } from '../../../shared/closing/certificate-number';
import { message } from '../../../shared/i18n/translate';

// What is wrong with a 证书编号 pattern, in a sentence naming the placeholder at fault; undefined when
// nothing is.
export const certificateNumberFormatProblem = (format: string): string | undefined => {
  const parsed = parseCertificateNumberFormat(format.trim());
  if (parsed.ok) return undefined;
  switch (parsed.problem) {
    case 'empty':
    case 'brace':
    case 'noSeq':
      return message(`closing.certificate.numberFormat.${parsed.problem}`);
    case 'tooLong':
      return message('closing.certificate.numberFormat.tooLong', { max: parsed.max });
    case 'unknown':
      return message('closing.certificate.numberFormat.unknown', { token: parsed.token });
    case 'width':
      return message('closing.certificate.numberFormat.width', { token: parsed.token, max: parsed.max });
  }
};
