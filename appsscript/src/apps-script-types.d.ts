// Apps Script's services (SpreadsheetApp, UrlFetchApp…) as globals, for the server code in this folder.
/// <reference types="google-apps-script" />
