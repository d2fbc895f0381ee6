// The smallest useful react-admin app: the baseline Vigie's first screen is measured against.
import simpleRestProvider from 'ra-data-simple-rest';
import { Admin, ListGuesser, Resource } from 'react-admin';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <Admin dataProvider={simpleRestProvider('/api')}>
    <Resource name="posts" list={ListGuesser} />
  </Admin>,
);
