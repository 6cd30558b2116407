//! Routing rules of the consultation and complaint desk (in progress).
