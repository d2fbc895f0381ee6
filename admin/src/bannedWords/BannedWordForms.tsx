import { Create, Edit, maxLength, minLength, required, SimpleForm, TextInput } from 'react-admin';

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
    <SimpleForm>
      <TextInput source="word" validate={wordRules} helperText="vigie.posts.banned_word_help" />
    </SimpleForm>
  </Edit>
);
