import { centreListMetadata, centreListPage } from "../../_centre/pages";

export const dynamic = "force-dynamic";
export const generateMetadata = centreListMetadata("ca-dotation");
export default centreListPage("ca-dotation");
