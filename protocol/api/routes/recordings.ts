// Recordings of remote shells: staff read them; every download of one is audited.
import { Type } from 'typebox';
import { STAFF } from '../access.js';
import { RecordingIdParams, RecordingListQuery, RecordingView } from '../shell.js';
import { route } from '../route.js';

export const recordingRoutes = {
  list: route({
    method: 'GET',
    path: '/api/recordings',
    summary: 'Remote shell sessions and their recordings, newest first',
    access: STAFF,
    query: RecordingListQuery,
    response: Type.Array(RecordingView),
    errors: [],
  }),
  show: route({
    method: 'GET',
    path: '/api/recordings/:id',
    summary: 'One session',
    access: STAFF,
    params: RecordingIdParams,
    response: RecordingView,
    errors: ['not_found'],
  }),
  cast: route({
    method: 'GET',
    path: '/api/recordings/:id/cast',
    summary: 'The recording as an asciicast v2 file (audited)',
    access: STAFF,
    params: RecordingIdParams,
    responseKind: 'text',
    // invalid_state: the session is still running.
    errors: ['not_found', 'invalid_state'],
  }),
};
