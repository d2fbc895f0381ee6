import { DeleteButton, useRecordContext } from 'react-admin';

/** A pessimistic delete asks first; the question names the word. */
export const DeleteWordButton = () => {
  const record = useRecordContext<{ id: number; word: string }>();
  return (
    <DeleteButton
      mutationMode="pessimistic"
      confirmTitle="vigie.banned_words.delete_title"
      confirmContent="vigie.banned_words.delete_content"
      translateOptions={{ word: record?.word ?? '' }}
    />
  );
};
