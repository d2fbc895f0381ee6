import { useStore } from 'react-admin';

/** The ring's mute switch, kept in react-admin's store (localStorage): sound is on until muted. */
export const useAlertsMuted = () => useStore<boolean>('vigie.alerts.muted', false);
