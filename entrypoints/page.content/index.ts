export default defineContentScript({ matches: ['*://archiveofourown.org/*'], main() {} });
