import { Box, Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import {
  DataTable,
  DateField,
  NumberField,
  Pagination,
  ReferenceManyField,
  SelectField,
  SelectInput,
  TextField,
  useCanAccess,
  useRecordContext,
  useTranslate,
  FilterForm,
} from 'react-admin';
import { PhoneLink } from '../common/PhoneField.tsx';
import { API_URL } from '../providers/httpClient.ts';
import type { Broadcast } from './broadcastTypes.ts';
import { channelChoices, deliveryStatusChoices } from './broadcastChoices.ts';

/** An SMS recipient in clear (town hall) is a number to call back; a masked one stays text. */
const DeliveryToField = (_props: { source?: string; label?: string }) => {
  const delivery = useRecordContext<{ to: string; channel: string }>();
  if (!delivery) return null;
  return delivery.channel === 'sms' && /^[+\d\s.()-]+$/.test(delivery.to) ? <PhoneLink phone={delivery.to} /> : <TextField source="to" />;
};

const filters = [<SelectInput key="status" source="status" choices={deliveryStatusChoices} alwaysOn />];

/**
 * The per-recipient log. The town hall sees contacts in clear (it calls back those who failed, and
 * may export them); the police see them masked — the server decides which.
 */
export const DeliveryList = () => {
  const record = useRecordContext<Broadcast>();
  const translate = useTranslate();
  const { canAccess: canExport } = useCanAccess({ action: 'export', resource: 'deliveries' });
  if (!record) return null;
  const failedCsv = `${API_URL}/deliveries/failed.csv?broadcast_id=${record.id}`;
  return (
    <ReferenceManyField reference="deliveries" target="broadcast_id" sort={{ field: 'updated_at', order: 'DESC' }} perPage={25} pagination={<Pagination />}>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 2 }}>
        <FilterForm filters={filters} />
        {canExport && (
          <Button href={failedCsv} startIcon={<DownloadIcon />} size="small">
            {translate('vigie.broadcasts.export_failed')}
          </Button>
        )}
      </Box>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="to" label="resources.deliveries.fields.to" field={DeliveryToField} />
        <DataTable.Col source="channel" label="resources.deliveries.fields.channel">
          <SelectField source="channel" choices={channelChoices} />
        </DataTable.Col>
        <DataTable.Col source="status" label="resources.deliveries.fields.status">
          <SelectField source="status" choices={deliveryStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="attempts" label="resources.deliveries.fields.attempts">
          <NumberField source="attempts" />
        </DataTable.Col>
        <DataTable.Col source="last_error" label="resources.deliveries.fields.last_error" disableSort>
          <TextField source="last_error" sx={{ overflowWrap: 'anywhere' }} />
        </DataTable.Col>
        <DataTable.Col source="updated_at" label="resources.deliveries.fields.updated_at">
          <DateField source="updated_at" showTime />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
};
