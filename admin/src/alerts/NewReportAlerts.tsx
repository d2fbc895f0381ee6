import { useEffect, useRef } from 'react';
import { topicFor } from '@vigie/shared';
import { useCanAccess, useCreatePath, useNotify, useTranslate, useNavigate } from 'react-admin';
import { useSubscribe } from '../live/useSubscribe.ts';
import { alertingReport, createRingThrottle, notificationText } from './alertRules.ts';
import { ring, unlockAudioOnFirstGesture } from './ring.ts';
import { useAlertsMuted } from './useAlertsMuted.ts';

const RING_INTERVAL_MS = 3000;

/**
 * Rings and notifies for new urgent and high reports, on every screen. The live layer already
 * delivers each event once (resync included), so a report never rings twice.
 */
export const NewReportAlerts = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [muted] = useAlertsMuted();
  const { canAccess } = useCanAccess({ action: 'subscribe', resource: 'reports' });
  const throttle = useRef(createRingThrottle(RING_INTERVAL_MS));

  useEffect(() => unlockAudioOnFirstGesture(), []);

  useSubscribe(canAccess ? topicFor('reports') : undefined, (event) => {
    const report = alertingReport(event);
    if (!report) return;
    const text = notificationText(report, translate);
    if (throttle.current(Date.now())) {
      if (!muted) ring(report.priority);
      notify(text.title, { type: 'warning', messageArgs: { _: text.title } });
    }
    if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
      // Title and body are plain text by the Notification API's own definition.
      const notification = new Notification(text.title, { body: text.body, tag: text.tag });
      notification.onclick = () => {
        window.focus();
        navigate(createPath({ resource: 'reports', id: report.id, type: 'show' }));
        notification.close();
      };
    }
  });
  return null;
};
