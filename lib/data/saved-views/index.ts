export { listSavedViews, MAX_SAVED_VIEWS } from './list';
export { saveView } from './save';
export { renameView } from './rename';
export { deleteView } from './delete';
