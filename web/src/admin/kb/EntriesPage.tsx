import { Route, Routes } from 'react-router-dom';
import { lazy } from 'react';
import { EntryList } from './EntryList.js';

const EntryEditor = lazy(() => import('./EntryEditor.js'));

/** 知识库: the list of entries, and each entry's editor (`/admin/kb/new`, `/admin/kb/:id`). */
export default function EntriesPage() {
  return (
    <Routes>
      <Route index element={<EntryList />} />
      <Route path="new" element={<EntryEditor />} />
      <Route path=":id" element={<EntryEditor />} />
    </Routes>
  );
}
