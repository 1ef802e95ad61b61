import type { reportZh } from './report.zh.js';

/** The citizen's blocked-service report page and the lookup of its result. */
export const reportEn: Record<keyof typeof reportZh, string> = {
  'report.pageTitle': 'Report a blocked service - Shanghai Water Authority',
  'report.title': 'Report a service you could not get done',
  'report.intro':
    'Could not finish a matter on the One-Network portal? Tell us. Staff will contact you within 1 working day and reply to simple issues within 5.',
  'report.matter': 'Which matter were you applying for',
  'report.problem': 'What went wrong',
  'report.occurredOn': 'When did it happen',
  'report.name': 'Your name',
  'report.phone': 'Phone number',
  'report.description': 'More details (optional)',
  'report.submit': 'Submit',
  'report.required': 'Please fill this in',
  'report.phoneInvalid': 'Enter an 11-digit mobile number or a landline with area code',
  'report.done': 'Report received. Receipt number: {number}',
  'report.doneHint': 'Keep the receipt number. You can look up the result here with it and your phone number.',
  'report.lookupTitle': 'Look up the result',
  'report.number': 'Receipt number',
  'report.lookup': 'Look up',
  'report.status': 'Status',
  'report.reply': 'Reply',
  'report.repliedAt': 'Replied at',
  'report.noReply': 'No reply yet; we will contact you soon.',
  'report.back': 'Back to the home page',
  'report.failed': 'The report was not sent; check what you entered and try again.',
};
