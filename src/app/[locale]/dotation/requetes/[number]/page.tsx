import { centreDetailMetadata, centreDetailPage } from "../../../_centre/pages";

export const dynamic = "force-dynamic";
export const generateMetadata = centreDetailMetadata;
export default centreDetailPage("ca-dotation");
