import { UserMenu as RaUserMenu, useGetIdentity, useTranslate } from 'react-admin';

/**
 * react-admin's user menu shows the user's name but labels the button "Profil" only; the label
 * must contain the visible text (WCAG 2.5.3), so it names both.
 */
export const UserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const label = identity?.fullName
    ? translate('vigie.app.user_menu', { name: identity.fullName })
    : translate('ra.auth.user_menu');
  return <RaUserMenu label={label} />;
};
