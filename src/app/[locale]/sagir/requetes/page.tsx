import { centreListMetadata, centreListPage } from "../../_centre/pages";

export const dynamic = "force-dynamic";
export const generateMetadata = centreListMetadata("sagir");
export default centreListPage("sagir");
