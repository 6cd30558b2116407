//! Web-form data of the consultation and complaint desk (in progress).
