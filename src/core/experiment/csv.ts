// CSV cells for the experiment's files: the shared RFC 4180 writer (text/csv.ts).
export { csvCell, csvLine } from '../text/csv';
