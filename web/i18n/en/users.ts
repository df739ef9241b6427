/** Signing in, the user menu and its settings. */
export const users = {
  checking: "Checking who is signed in",
  unreachable: "The server could not be reached",
  signIn: {
    title: "Sign in to Unblock",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    notSignedIn: "Not signed in",
    with: "Sign in with {{provider}}",
    orPassword: "or with your password",
    refusals: {
      oidc_unknown_user:
        "Your sign-in provider vouched for an email address no Unblock account has. Ask an Admin to add you (with that email), then try again.",
      oidc_disabled: "Your Unblock account is disabled. Ask an Admin to enable it.",
      oidc_email_unverified:
        "Your sign-in provider has not verified your email address, so Unblock cannot sign you in with it.",
      oidc_no_email:
        "Your sign-in provider did not share an email address, so Unblock cannot tell who you are.",
      oidc_cancelled: "Sign-in was cancelled at your sign-in provider.",
      oidc_unavailable:
        "The sign-in provider could not be reached. Try again in a moment, or use your password.",
      oidc_failed:
        "Single sign-on did not complete: it took too long, was started in another tab, or the answer did not match. Try again.",
    },
  },
  menu: {
    label: "{{name}}: account menu",
    notifications: "Notifications…",
    language: "Language…",
    signOut: "Sign out",
  },
  language: {
    title: "Language",
    label: "The language Unblock speaks to you",
    help: "The app, the playbook's texts and the rules' messages. Dates and numbers follow it too.",
    browser: "The browser's ({{language}})",
    names: { en: "English", de: "Deutsch" },
  },
  notifications: {
    title: "Notifications",
    timeZone: "Time zone",
    timeZoneHelp: "The digest comes at 07:00 on this clock; My work's “today” is this calendar's.",
    browserZone: " This browser is in {{zone}}.",
    digest: "Digest by mail",
    digestHelp:
      "Your overdue next actions, those due this week and Blocked statuses past their target date. Nothing is sent on a day with nothing to say.",
    daily: "Daily",
    weekly: "Weekly (Mondays)",
    off: "Off",
    noticeMail: "Immediate notices by mail",
    noticeMailHelp: "The inbox (the bell) has them either way.",
  },
};
