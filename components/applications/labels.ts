// Moved to lib/labels.ts (one labels module for every page). This re-export keeps branches written
// before the move compiling; import from '@/lib/labels' in new code.
export {
  BASIS_LABEL, CONSENT_LABEL, CONSIGNEE_ROLE_LABEL, DECISION_LABEL, END_USE_LABEL, END_USER_TYPE_LABEL, KIND_LABEL as FINDING_KIND_LABEL,
  labelOf, MATCHING_MODE_LABEL, MODALITY_LABEL, optionsOf, PRODUCT_KIND_LABEL, TRIGGER_LABEL,
} from '@/lib/labels';
