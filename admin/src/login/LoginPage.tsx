import { useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import ShieldIcon from '@mui/icons-material/Shield';
import {
  Form,
  LocalesMenuButton,
  PasswordInput,
  TextInput,
  email,
  required,
  useCheckAuth,
  useLogin,
  useNavigate,
  useTranslate,
} from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { HtmlLang } from '../layout/HtmlLang.tsx';
import { LoginError, type LoginParams } from '../providers/authProvider.ts';

const describe = (error: unknown) =>
  error instanceof LoginError
    ? { message: error.message, minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) }
    : { message: 'vigie.login.error', minutes: 1 };

export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const config = useCommuneConfig();
  const [error, setError] = useState<{ message: string; minutes: number } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // Already signed in (e.g. back button): go straight to the dashboard.
  useEffect(() => {
    checkAuth({}, false).then(
      () => navigate('/'),
      () => undefined,
    );
  }, [checkAuth, navigate]);

  const submit = (values: Record<string, unknown>) => {
    setSubmitting(true);
    setError(null);
    login(values as unknown as LoginParams).catch((reason: unknown) => {
      setError(describe(reason));
      setSubmitting(false);
    });
  };

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', bgcolor: 'primary.main', px: 2 }}
    >
      <HtmlLang />
      <Box sx={{ alignSelf: 'flex-end', color: 'primary.contrastText', pt: 1 }}>
        <LocalesMenuButton />
      </Box>
      <Card sx={{ width: '100%', maxWidth: 400, mt: { xs: 2, sm: 8 } }}>
        <CardContent sx={{ textAlign: 'center', pb: 0 }}>
          <ShieldIcon aria-hidden sx={{ fontSize: 48, color: 'primary.main' }} />
          <Typography component="h1" variant="h4" sx={{ fontWeight: 700 }}>
            {translate('vigie.app.name')}
          </Typography>
          <Typography variant="subtitle1" component="p">
            {config ? translate('vigie.login.subtitle', { commune: config.name }) : translate('vigie.login.tagline')}
          </Typography>
          <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
            {translate('vigie.login.title')}
          </Typography>
        </CardContent>
        <Form onSubmit={submit} noValidate>
          <CardContent>
            {error && (
              <Alert severity="error" sx={{ mb: 1 }}>
                {translate(error.message, { _: error.message, smart_count: error.minutes })}
              </Alert>
            )}
            <TextInput
              source="email"
              type="email"
              label="vigie.login.email"
              autoComplete="username"
              autoFocus
              validate={[required(), email()]}
            />
            <PasswordInput
              source="password"
              label="vigie.login.password"
              autoComplete="current-password"
              validate={required()}
            />
            <Button type="submit" variant="contained" fullWidth disabled={submitting} sx={{ mt: 2 }}>
              {submitting ? (
                <CircularProgress size={20} color="inherit" aria-label={translate('ra.page.loading')} />
              ) : (
                translate('vigie.login.submit')
              )}
            </Button>
          </CardContent>
        </Form>
        {config && (
          <CardContent sx={{ pt: 0, textAlign: 'center' }}>
            <Typography variant="body2" component="p">
              {translate('vigie.dashboard.emergency', { number: config.emergency_number })}
            </Typography>
          </CardContent>
        )}
      </Card>
    </Box>
  );
};
