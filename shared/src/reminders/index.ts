/** Reminder due times and the week's deadlines, for notifications and the "this week" panel. */
export * from './due';
