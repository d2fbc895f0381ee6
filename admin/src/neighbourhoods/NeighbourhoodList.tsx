import { DataTable, List } from 'react-admin';

export const NeighbourhoodList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} perPage={50} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="name" />
    </DataTable>
  </List>
);
