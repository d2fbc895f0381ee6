import { Create, Edit, maxLength, minLength, required, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';
import { DeleteWordButton } from './DeleteWordButton.tsx';

const wordRules = [required(), minLength(2), maxLength(100)];

export const BannedWordCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="word" validate={wordRules} helperText="vigie.posts.banned_word_help" />
    </SimpleForm>
  </Create>
);

export const BannedWordEdit = () => (
  <Edit redirect="list" mutationMode="pessimistic">
    <SimpleForm toolbar={<Toolbar sx={{ justifyContent: 'space-between' }}><SaveButton /><DeleteWordButton /></Toolbar>}>
      <TextInput source="word" validate={wordRules} helperText="vigie.posts.banned_word_help" />
    </SimpleForm>
  </Edit>
);
