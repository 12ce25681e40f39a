/**
 * Version of the privacy notice shown at /confidentialite. Every consent sent with an application
 * records it: change it whenever the notice's text changes.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11';
