import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { confirmationOutcome, unsubscribeOutcome } from './outcomes.ts';
import { RegistrationPage } from './RegistrationPage.tsx';
import { TokenActionPage } from './TokenActionPage.tsx';
import './public.css';

const params = new URLSearchParams(window.location.search);
const token = params.get('token');
const path = window.location.pathname.replace(/\/+$/, '');

/** Three small pages on one entry: the server sends this HTML for each of their paths. */
function Page() {
  if (path === '/inscription/confirmer')
    return (
      <TokenActionPage
        title="Confirmer votre inscription"
        intro={<p>Appuyez sur le bouton pour confirmer votre adresse e-mail et envoyer votre inscription à la mairie.</p>}
        button="Confirmer mon inscription"
        endpoint="/api/public/confirmations"
        body={token ? { token } : null}
        outcomeOf={confirmationOutcome}
      />
    );
  if (path === '/desabonnement') {
    const channel = params.get('channel');
    const how = channel === 'sms' ? ' par SMS' : channel === 'email' ? ' par e-mail' : '';
    return (
      <TokenActionPage
        title="Se désinscrire des alertes"
        intro={<p>Appuyez sur le bouton pour ne plus recevoir les alertes{how}.</p>}
        button="Me désinscrire"
        endpoint="/api/public/unsubscribe"
        body={token ? { token } : null}
        outcomeOf={unsubscribeOutcome}
      />
    );
  }
  return <RegistrationPage />;
}

function Shell() {
  return (
    <>
      <header className="top">
        <h1>Voisins vigilants et solidaires</h1>
        <p>Les alertes de sécurité de votre quartier, par la police municipale et la mairie.</p>
      </header>
      <main>
        <Page />
      </main>
      <footer className="foot">
        <p>En cas d'urgence, appelez le 17 ou le 112.</p>
      </footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shell />
  </StrictMode>,
);
